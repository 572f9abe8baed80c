"""Rubric packs: the model, safe YAML loading with precise errors, the JSON Schema, discovery."""
