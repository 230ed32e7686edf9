"""The demand pool (服务需求池): create and edit, the closed loop, the list."""
