"""Reading a message: the distress model (the FAQ engine is to move here as well)."""
