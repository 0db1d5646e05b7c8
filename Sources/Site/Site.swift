/// Placeholder.
public enum SitePlaceholder {}
