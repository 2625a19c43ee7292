"""Training, corpus building and evaluation scripts (``python -m training.X``)."""
