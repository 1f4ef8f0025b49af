"""The exit statuses of every command, in one place: scripts and schedulers branch on them."""

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_UNREACHABLE = 0, 1, 2, 3
EXIT_BUSY = 4  # another crawl of the same archive is running: nothing was done
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM (shells' convention)
