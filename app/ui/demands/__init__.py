"""服务需求: the demand page and its dialogs."""
