"""Pure round state machines: which positions a round plays and how answers move it along."""
