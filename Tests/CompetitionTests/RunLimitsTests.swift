import Competition
import Testing

@Suite("Limits from leaderboard.yml")
struct RunLimitsTests {
    @Test("counts whole, times fractional")
    func countsAreWholeNumbers() throws {
        for (key, value) in [("max_file_bytes", 1e19), ("max_layers", 0.5), ("cpu_seconds", 2.5)] {
            #expect {
                _ = try RunLimits(settings: [key: value])
            } throws: { error in
                "\(error)" == "limits.\(key) in leaderboard.yml is \(value): give a whole number below 2^62"
            }
        }
        let limits = try RunLimits(settings: ["wall_seconds": 2.5, "max_layers": 7])
        #expect(limits.sandbox.wallSeconds == 2.5)
        #expect(limits.readers.modelFile.maxLayers == 7)
    }

    @Test("the keys, in the order `leaderboard limits` lists them, are those workspaces already set")
    func keys() {
        #expect(
            RunLimits.allKeys == [
                "memory_bytes", "cpu_seconds", "wall_seconds", "max_file_bytes", "max_zip_entries", "max_inflated_bytes",
                "max_config_bytes", "max_layers", "max_parameters", "max_tensor_elements", "max_graph_nodes",
                "max_graph_depth", "max_tree_nodes", "max_manifest_bytes", "max_manifest_nodes", "max_manifest_text_length",
                "max_members", "max_history_bytes", "max_history_epochs", "max_readme_bytes", "max_folder_entries",
                "max_predictions_bytes_per_row", "max_notebooks", "max_notebook_bytes", "max_notebook_cells",
                "max_notebook_text_bytes", "max_notebook_image_bytes", "max_notebook_images", "max_notebook_shown_bytes", "max_pdfs",
                "max_pdf_bytes",
            ])
        #expect(RunLimits().table.first { $0.key == "max_tree_nodes" }?.value == 4_000_000)
    }

    @Test("every limit a refusal can name with a key is set by exactly one setting")
    func everyNamedLimitIsSettable() {
        let settable = RunLimits.settings.map(\.limit)
        #expect(settable.count == Set(settable).count)
        #expect(Set(settable) == Set(Limit.allCases.filter { $0.settingKey != nil }))
    }
}
