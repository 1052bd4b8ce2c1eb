"""The desktop assessment workflow: instrument forms generated from the
instrument files, continuous draft saving, completion with the score and its
explanation, the professional's decision, countersigning, and the profile's
needs and risk summary (issue 5 §2 and §5)."""
