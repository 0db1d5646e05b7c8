import Foundation

/// The target this process fuzzes, chosen once from `FUZZ_TARGET`.
nonisolated(unsafe) private var selected: FuzzTarget?

/// libFuzzer's set-up hook: picks the target named by `FUZZ_TARGET`, or lists them and exits.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget.all.first(where: { $0.name == name }) else {
        let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
        FileHandle.standardError.write(Data("set FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    selected = target
    target.prepare()
    return 0
}

/// libFuzzer's entry: runs the selected target on one input. Anything but a clean return
/// or the reader's own error (a trap, a sanitizer report, a hang) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    selected?.run(data)
    return 0
}
