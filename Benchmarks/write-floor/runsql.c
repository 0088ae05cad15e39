/* Runs an SQL script file against a database with the SQLite build Betalt links (sqlite-nio's amalgamation, whose
   functions carry the prefix sqlite_nio_), for Benchmarks/write-floor/write-floor.sh: the sqlite3 shell is not part of it. */
#include <stdio.h>
#include <stdlib.h>
int sqlite_nio_sqlite3_open(const char*, void**);
int sqlite_nio_sqlite3_exec(void*, const char*, void*, void*, char**);
int sqlite_nio_sqlite3_close(void*);
int main(int argc, char **argv) {
  FILE *f = fopen(argv[2], "rb"); fseek(f, 0, SEEK_END); long n = ftell(f); rewind(f);
  char *sql = malloc(n + 1); fread(sql, 1, n, f); sql[n] = 0;
  void *db; if (sqlite_nio_sqlite3_open(argv[1], &db)) return 1;
  char *err = 0;
  if (sqlite_nio_sqlite3_exec(db, sql, 0, 0, &err)) { fprintf(stderr, "error: %s\n", err); return 2; }
  sqlite_nio_sqlite3_close(db);
  return 0;
}
