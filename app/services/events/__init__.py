"""Events (活动): the calendar of trainings, salons, lectures; attendance and materials."""
