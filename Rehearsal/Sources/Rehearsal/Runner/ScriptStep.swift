import Foundation

/// Runs a `run:` step's script the way GitHub's Linux runner does: written to a file in
/// RUNNER_TEMP and started through the step's shell template.
enum ScriptStep {
    /// The command for a `shell:` value; `{0}` stands for the script file. Without a `shell:`,
    /// GitHub runs `bash -e {0}` (no pipefail); `shell: bash` adds `--noprofile --norc -o pipefail`.
    static func command(shell: String?, script: String) throws(RehearsalError) -> [String] {
        let template: String
        switch shell {
        case nil, "": template = "bash -e {0}"
        case "bash": template = "bash --noprofile --norc -eo pipefail {0}"
        case "sh": template = "sh -e {0}"
        case "python": template = "python {0}"
        case let custom?:
            guard custom.contains("{0}") else { throw .workflow("shell '\(custom)' is not emulated (a custom shell needs {0})") }
            template = custom
        }
        return template.split(separator: " ").map { $0 == "{0}" ? script : String($0) }
    }

    /// Writes and runs the script; gives its exit status.
    static func run(
        script: String, shell: String?, directory: String, environment: [String: String], temp: String, output: FileHandle,
        mask: SecretMask
    ) throws(RehearsalError) -> Int32 {
        let file = "\(temp)/\(UUID().uuidString).sh"
        guard FileManager.default.createFile(atPath: file, contents: Data(script.utf8)) else {
            throw .command("cannot write the step's script to \(file)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .action("working-directory \(directory) does not exist")
        }
        return try Shell.run(
            try command(shell: shell, script: file), in: directory, environment: environment, output: output, mask: mask)
    }
}
