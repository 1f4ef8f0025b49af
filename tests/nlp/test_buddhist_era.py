from nlp.buddhist_era import buddhist_year, gregorian_year


def test_years_as_posts_write_them_become_gregorian() -> None:
    assert gregorian_year(2563) == 2020
    assert gregorian_year(63) == 2020  # a two-digit year is Buddhist era 25xx
    assert gregorian_year(2020) == 2020  # below 2400: already Christian era (๒๐๒๐)
    assert gregorian_year(2400) == 1857


def test_the_site_shows_gregorian_years_in_the_buddhist_era() -> None:
    assert buddhist_year(2020) == 2563
    assert gregorian_year(buddhist_year(1999)) == 1999
