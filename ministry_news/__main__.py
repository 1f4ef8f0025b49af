from ministry_news.cli import main

main()
