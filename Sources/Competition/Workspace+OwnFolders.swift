import Foundation

extension Workspace {
    /// The folders of the workspace that a site build must never replace, nor any folder
    /// holding them: the workspace itself, its submissions, the database's folder, its
    /// templates and pages, and the data file's folder when a file is configured (a download lives in the cache folder).
    public var ownFolders: [String] {
        var folders = [
            root, submissionsPath, (databasePath as NSString).deletingLastPathComponent,
            templatesPath, pagesPath,
        ]
        if case .file(let path) = config.data { folders.append((resolve(path) as NSString).deletingLastPathComponent) }
        return folders
    }
}
