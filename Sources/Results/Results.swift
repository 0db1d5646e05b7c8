/// Placeholder.
public enum ResultsPlaceholder {}
