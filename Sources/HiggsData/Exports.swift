// The feature schema lives in its own small target so that ModelFiles can share it without
// depending on HiggsData; every `import HiggsData` still sees `FeatureSchema`.
@_exported import HiggsSchema
