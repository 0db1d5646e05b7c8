import Testing

@testable import Rehearsal

@Suite struct ExpressionTests {
    private let context = ExpressionContext(
        contexts: [
            "github": .object(
                ExpressionObject(
                    ["event_name": .string("push"), "ref": .string("refs/heads/main"), "run_number": .number(7)], closedName: "github")),
            "env": .strings(["NAME": "World", "EMPTY": ""]),
            "secrets": .strings([:]),
            "steps": .object(
                ExpressionObject(
                    ["probe": .object(ExpressionObject(["outputs": .strings(["value": "42"]), "outcome": .string("success")]))],
                    closedName: "steps")),
        ], workspace: "/nonexistent")

    private func value(_ source: String) throws -> ExpressionValue { try Interpolation.evaluate(source, in: context) }

    @Test func literalsAndComparisons() throws {
        #expect(try value("'it''s'") == .string("it's"))
        #expect(try value("0x10 == 16") == .bool(true))
        #expect(try value("'ABC' == 'abc'") == .bool(true), "string equality ignores case")
        #expect(try value("'1' == 1") == .bool(true), "different kinds compare as numbers")
        #expect(try value("null == 0") == .bool(true))
        #expect(try value("'a' != 'b'") == .bool(true))
        #expect(try value("2 < 10") == .bool(true))
        #expect(try value("'b' > 'a'") == .bool(true))
        #expect(try value("!(1 == 1) || false") == .bool(false))
    }

    @Test func andOrGiveAnOperandAndShortCircuit() throws {
        #expect(try value("env.EMPTY || 'fallback'") == .string("fallback"))
        #expect(try value("env.NAME && 'second'") == .string("second"))
        // The right side would be an error; it is never evaluated.
        #expect(try value("false && nosuch.thing") == .bool(false))
        #expect(try value("true || nosuch()") == .bool(true))
        #expect(try value("1 == 1 && 2 == 3 || 'x' == 'X'") == .bool(true), "&& binds tighter than ||")
    }

    @Test func contextsAndFunctions() throws {
        #expect(try value("github.event_name == 'push' && startsWith(github.ref, 'refs/heads/')") == .bool(true))
        #expect(try value("github['ref']") == .string("refs/heads/main"))
        #expect(try value("steps.probe.outputs.value") == .string("42"))
        #expect(try value("steps.probe.outputs.missing") == .null, "an output never set is empty, as on GitHub")
        #expect(try value("secrets.DEPLOY_KEY") == .null, "a secret not given is empty, as for a fork")
        #expect(try value("contains('Hello World', 'WORLD')") == .bool(true))
        #expect(try value("contains(fromJSON('[\"a\",\"b\"]'), 'b')") == .bool(true))
        #expect(try value("format('{0}-{1}-{{x}}', env.NAME, github.run_number)") == .string("World-7-{x}"))
        #expect(try value("endsWith(github.ref, '/MAIN')") == .bool(true))
        #expect(try value("toJSON(fromJSON('{\"a\":true}'))") == .string("{\n  \"a\": true\n}"))
        #expect(try Interpolation.expand("Hello ${{ env.NAME }}, run ${{ github.run_number }}!", in: context) == "Hello World, run 7!")
    }

    @Test func unknownNamesAreErrorsNotEmptyText() {
        #expect(throws: RehearsalError.expression("unknown function 'frobnicate()'")) { try value("frobnicate('x')") }
        #expect(throws: RehearsalError.expression("unknown context 'vars'")) { try value("vars.TOKEN") }
        #expect(throws: RehearsalError.expression("'github.actor_id' is not emulated by the rehearsal")) {
            try value("github.actor_id")
        }
        #expect(throws: RehearsalError.expression("'steps.nosuch' is not emulated by the rehearsal")) {
            try value("steps.nosuch.outputs.value")
        }
        #expect(throws: RehearsalError.self) { try value("format('{1}', 'only one')") }
        #expect(throws: RehearsalError.self) { try value("1 ==") }
        #expect(throws: RehearsalError.self) { try Interpolation.expand("${{ env.NAME", in: context) }
    }

    @Test func conditionsWithoutAStatusFunctionRunOnlyOnSuccess() throws {
        var failed = context
        failed.jobFailed = true
        #expect(try Interpolation.condition(nil, in: context))
        #expect(try !Interpolation.condition(nil, in: failed))
        #expect(try !Interpolation.condition("env.NAME == 'World'", in: failed), "an implicit success() guards it")
        #expect(try Interpolation.condition("${{ failure() }}", in: failed))
        #expect(try !Interpolation.condition("failure()", in: context))
        #expect(try Interpolation.condition("always() && env.NAME == 'World'", in: failed))
        #expect(try !Interpolation.condition("cancelled()", in: failed))
        #expect(try Interpolation.condition("success() || env.EMPTY", in: context))
    }
}
