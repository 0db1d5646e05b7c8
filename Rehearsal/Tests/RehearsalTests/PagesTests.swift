import Foundation
import Testing

@testable import Rehearsal

@Suite struct PagesTests {
    @Test func theUploadedSiteIsWhatDeployFinds() throws {
        let sandbox = try Sandbox()
        try sandbox.commit(["site/index.html": "<p>hi</p>\n", "site/css/a.css": "p{}\n"])
        let workflow = """
            on: push
            permissions: {}
            jobs:
              build:
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/upload-pages-artifact@v3
                    with: {path: site}
              deploy:
                needs: build
                steps:
                  - id: deployment
                    uses: actions/deploy-pages@v4
            """
        #expect(try sandbox.run(workflow).result == "success")
        let artifact = sandbox.runDirectory + "/pages-artifact"
        #expect(try sandbox.read(artifact + "/css/a.css") == "p{}\n")
        let deploy = try sandbox.run(workflow, job: "deploy")
        #expect(try deploy.step("deployment").outputs["page_url"] == URL(fileURLWithPath: artifact).absoluteString)
        try FileManager.default.removeItem(atPath: artifact)
        #expect(try sandbox.run(workflow, job: "deploy").result == "failure", "nothing uploaded, nothing to deploy")
    }
}
