"""同步: the sync page, the enrolment dialog and automatic sync."""
