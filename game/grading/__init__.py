"""Grading: normalise answers, match them to rubric points, score and explain. No Textual here."""
