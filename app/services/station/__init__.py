"""The station itself: identity, profile (本站信息), files, profiles on disk, enrolment, compliance."""
