"""Archives: each archived source's file lies inside the ledger's folder, reads as UTF-8, and has
the SHA-256 the ledger records for it."""


def check(index):
    for sid, read in index.archive_reads.items():
        s = index.sources[sid]
        spath = index.path_of[sid]
        apath = spath + ("archive",)
        if read.status == "path":
            yield index.problem("archive-path", apath, f"archive path '{s.archive}' leaves the ledger's folder",
                                "archives live beside the ledger, e.g. 'sources/<source-id>.txt'")
            continue
        if read.status == "not-regular":
            yield index.problem("archive-not-regular", apath, f"archive '{s.archive}' {read.reason}",
                                "an archive is an ordinary text file saved inside the ledger's folder, not a link or a device")
            continue
        if read.status == "missing":
            yield index.problem("archive-missing", apath, f"archive file '{s.archive}' does not exist",
                                f"save the source's text verbatim at {read.shown}")
            continue
        if not s.archive_sha256:
            yield index.problem("archive-hash-missing", spath, "archive_sha256 is not recorded",
                                f"add 'archive_sha256: {read.digest}' after checking that the archive is the verbatim text")
        elif s.archive_sha256 != read.digest:
            yield index.problem("archive-hash-mismatch", spath + ("archive_sha256",),
                                f"archive '{s.archive}' has SHA-256 {read.digest}, not the recorded one",
                                "the archive changed since it was recorded: restore it, or if the change is deliberate, "
                                "check every quote and record the new hash")
        if read.status == "encoding":
            yield index.problem("archive-encoding", apath, f"archive '{s.archive}' is not UTF-8 text", "save it as UTF-8")
