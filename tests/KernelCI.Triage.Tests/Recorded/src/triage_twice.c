int triage_twice(void) { return 2; }
