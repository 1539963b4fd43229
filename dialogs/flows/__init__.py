"""The machine's callbacks, one module per feature. Each takes the keyword arguments
`conversation` (the model being stepped) and `turn` (what came in, where replies go)."""
