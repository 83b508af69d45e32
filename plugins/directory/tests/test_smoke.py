import pytest

pytestmark = pytest.mark.django_db


def test_directory_page_renders(client, directory_page, make_actor, search_engine):
    make_actor("Bioforce", type="association", countries=["SN", "BF"], sectors=["sante"], sdgs=[3], department="69")
    make_actor("Santé Sud", type="association", countries=["ML"], sectors=["sante"], department="38")
    search_engine.refresh()
    response = client.get(directory_page.url)
    html = response.content.decode()
    print(html[:200])
    assert response.status_code == 200, html
    assert "Bioforce" in html
    response = client.get(directory_page.url + "bioforce/")
    assert response.status_code == 200, response.content.decode()
