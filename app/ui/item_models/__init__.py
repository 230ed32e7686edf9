"""Qt item models (so that "model" never means two things: app.models is the ORM)."""
