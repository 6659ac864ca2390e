"""What a citizen reads on a pacte page."""



def test_progress_text_on_a_pacte_page(client, ardennes_pacte):
    html = client.get(ardennes_pacte.url).content.decode()
    assert "2 actions sur 3 réalisées" in html
    assert '<progress class="pacte-progress" max="3" value="2"' in html
    assert "Ardennes (08)" in html
