/// Placeholder.
public enum WorkspacePlaceholder {}
