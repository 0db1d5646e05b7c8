import Foundation

/// `actions/upload-pages-artifact`: copies the site folder to `RUN_DIR/pages-artifact`, where
/// `actions/deploy-pages` (and the rehearsal's checks) find it.
struct UploadPagesArtifact: EmulatedAction {
    let inputNames: Set<String> = ["path", "name", "retention-days"]

    func run(_ inputs: ActionInputs, _ environment: ActionEnvironment) throws(RehearsalError) -> ActionOutcome {
        let source = Folders.absolute(inputs.optional("path", default: "_site/"), base: environment.workspace)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .action("actions/upload-pages-artifact: no folder \(source)")
        }
        let artifact = environment.runDirectory + "/pages-artifact"
        try Folders.empty(artifact)
        try Shell.capture(["cp", "-a", source + "/.", artifact], in: environment.workspace)
        let count = FileTree.regularFiles(under: artifact, startingAt: "").count
        environment.log("  pages artifact: \(artifact) (\(count) files)")
        return ActionOutcome(outputs: ["artifact_id": "local"])
    }
}

/// `actions/deploy-pages`: nothing is published; the step records the artifact it would deploy
/// and gives its address as `page_url`.
struct DeployPages: EmulatedAction {
    let inputNames: Set<String> = ["token", "timeout", "error_count", "reporting_interval", "artifact_name", "preview"]

    func run(_ inputs: ActionInputs, _ environment: ActionEnvironment) throws(RehearsalError) -> ActionOutcome {
        let artifact = environment.runDirectory + "/pages-artifact"
        guard FileManager.default.fileExists(atPath: artifact + "/index.html") else {
            throw .action("actions/deploy-pages: no \(artifact)/index.html (run the job that uploads it with the same --run-dir)")
        }
        environment.log("  would deploy \(artifact) (not published: the rehearsal is local)")
        return ActionOutcome(outputs: ["page_url": URL(fileURLWithPath: artifact).absoluteString])
    }
}
