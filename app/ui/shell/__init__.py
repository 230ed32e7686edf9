"""The application shell: start-up, main window, navigation, page registry, window state."""
