extern int triage_missing_symbol(void);
int triage_twice(void) { return 1; }
int main(void) { return triage_missing_symbol(); }
