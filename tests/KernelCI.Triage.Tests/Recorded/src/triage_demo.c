// A kernel-like file with one warning and one error, for the triage recordings.
static int triage_probe(int id)
{
	int unused_count;
	return id + undeclared_offset;
}

int triage_init(void)
{
	return triage_probe(1);
}
