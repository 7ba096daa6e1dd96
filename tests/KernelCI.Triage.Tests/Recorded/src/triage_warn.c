static int triage_probe(int id)
{
	int unused_count;
	return id;
}
int triage_init(void) { return triage_probe(1); }
