"""Stage 3, extract: pure functions from a segmented speech (and its committee) to facts with spans."""
