"""The layer table drawn in the README's layout section."""

# layer -> packages/modules (dotted, relative to linter); lower numbers are lower layers.
LAYERS = {
    0: ["text", "vocab", "errors", "data", "config"],
    1: ["document"],
    2: ["readers"],
    3: ["kinds"],
    4: ["engine"],
    5: ["workspace", "formats", "writers", "batch"],
    6: ["frontends"],
    7: ["__init__", "__main__"],        # the public face: re-exports the library API
}
