"""The station's staff roster (人员配备) and the convention's staffing rule."""
