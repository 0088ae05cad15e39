/* Runs an SQL script file against a database with the SQLite build Betalt links (sqlite-nio's amalgamation, whose
   functions carry the prefix sqlite_nio_), for write-floor.sh: the sqlite3 shell is not part of it. */
#include <stdio.h>
#include <stdlib.h>

int sqlite_nio_sqlite3_open(const char *, void **);
int sqlite_nio_sqlite3_exec(void *, const char *, void *, void *, char **);
int sqlite_nio_sqlite3_close(void *);

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s DATABASE SCRIPT.sql\n", argv[0]); return 64; }
    FILE *file = fopen(argv[2], "rb");
    if (!file) { perror(argv[2]); return 66; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    rewind(file);
    char *sql = malloc(size + 1);
    if (!sql || fread(sql, 1, size, file) != (size_t)size) { fprintf(stderr, "%s: cannot read\n", argv[2]); return 66; }
    sql[size] = 0;
    fclose(file);
    void *db;
    if (sqlite_nio_sqlite3_open(argv[1], &db)) { fprintf(stderr, "%s: cannot open\n", argv[1]); return 66; }
    char *error = 0;
    if (sqlite_nio_sqlite3_exec(db, sql, 0, 0, &error)) { fprintf(stderr, "%s: %s\n", argv[2], error); return 65; }
    sqlite_nio_sqlite3_close(db);
    return 0;
}
