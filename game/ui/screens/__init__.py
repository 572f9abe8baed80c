"""One module per screen; each shows what the app's round session holds."""
