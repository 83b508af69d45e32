"""What funding gives a site through core's hooks, the demo loader, the
admin's moderation and the system checks."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings
from wagtail.test.utils.form_data import rich_text

from maillage_core import hooks
from maillage_funding.checks import check_settings
from maillage_funding.models import Funder, FundingCall, FundingSearchPage, ImportSource

pytestmark = pytest.mark.django_db


def request_for(path="/"):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


@pytest.fixture
def calls(search_page, make_call):
    make_call("Eau potable au Sahel", closes_in=5, countries=["SN"])
    make_call("Santé à Madagascar", closes_in=40, countries=["MG"])
    make_call("Fonds régional", closes_in=None)
    make_call("Appel clos", closes_in=-1, countries=["SN"])
    make_call("Brouillon", live=False, closes_in=3, countries=["SN"])


def test_home_figure_section_country_section_and_events(calls):
    request = request_for()
    figure = next(f for f in hooks.home_figures(request) if f.label == "appels à projets ouverts")
    assert (figure.value, figure.url) == (3, "/financements/")
    section = next(s for s in hooks.home_sections(request) if s.key == "funding-closing")
    assert [call.title for call in section.context["calls"]] == ["Eau potable au Sahel"]
    senegal = next(s for s in hooks.country_sections(request, "SN") if s.key == "funding")
    assert [call.title for call in senegal.context["calls"]] == ["Eau potable au Sahel"]
    assert [s for s in hooks.country_sections(request, "ZZ") if s.key == "funding"] == []
    events = [event for event in hooks.upcoming_events(request, 5) if event.kind == "appel à projets"]
    assert [event.title for event in events] == ["Clôture : Eau potable au Sahel", "Clôture : Santé à Madagascar"]


def test_site_search_finds_current_calls_only(calls, search_engine):
    search_engine.index_all()
    source = next(source for source in hooks.search_sources() if source.key == "funding")
    assert [hit.title for hit in source.search("sahel", request=request_for()).hits] == ["Eau potable au Sahel"]
    assert source.search("brouillon", request=request_for()).total == 0
    assert source.search("clos", request=request_for()).total == 0


def test_the_demo_loads_sixty_calls_once(root_page, vocabulary, django_assert_max_num_queries):
    from maillage_funding import demo

    messages = []
    created = demo.load({}, messages.append)
    assert FundingSearchPage.objects.live().count() == 1 and Funder.objects.count() == 6
    assert FundingCall.objects.count() == 60 and created == 1 + 6 + 60 + 2
    assert ImportSource.objects.count() == 2
    statuses = {call.status() for call in FundingCall.objects.all()}
    assert statuses == {"open", "closing", "closed", "permanent", "upcoming"}
    assert FundingCall.objects.filter(archived=True).count() == FundingCall.objects.past().count() > 0
    with django_assert_max_num_queries(15):
        assert demo.load({}, messages.append) == 0
    assert messages[-1] == "funding: 0 items created, 0 calls archived"


def test_an_officer_drafts_a_call_in_the_admin_and_it_stays_private(client, search_page, funders, admin_user):
    client.force_login(admin_user)
    response = client.post("/admin/snippets/maillage_funding/fundingcall/add/", {
        "title": "Appel en préparation", "slug": "", "funders": [funders["afd"].pk],
        "summary": "À relire.", "what_is_funded": rich_text("<p>Des forages.</p>"), "closes_on": "2099-01-31", "how_to_apply": "",
        "official_url": "", "documents-count": "0", "countries": [], "checked_on": "", "opens_on": "",
        "amount_min": "", "amount_max": "", "cofunding_rate": "",
    })
    assert response.status_code == 302, response.content.decode()[-3000:]
    call = FundingCall.objects.get(title="Appel en préparation")
    assert not call.live and call.latest_revision is not None
    client.logout()
    assert client.get(search_page.url + f"{call.slug}/").status_code == 404
    assert "Appel en préparation" not in client.get(search_page.url).content.decode()


def test_the_admin_refuses_a_call_without_closing_date(client, funders, admin_user):
    client.force_login(admin_user)
    response = client.post("/admin/snippets/maillage_funding/fundingcall/add/", {
        "title": "Sans date", "funders": [funders["afd"].pk], "summary": "x", "documents-count": "0",
        "what_is_funded": rich_text(""),
    })
    assert response.status_code == 200
    assert "Indiquez la date de clôture, ou cochez « permanent »." in response.content.decode()
    assert not FundingCall.objects.exists()


def test_calls_have_a_moderation_workflow(workflow):
    from wagtail.models import WorkflowContentType

    assert WorkflowContentType.objects.filter(content_type__app_label="maillage_funding",
                                              workflow__name="Validation des appels à projets").exists()


@pytest.mark.parametrize("name, value", [("PER_PAGE", 0), ("FEED_LIMIT", "20"), ("CLOSING_SOON_DAYS", True),
                                         ("API_PAGE_SIZE", 1000), ("TASK_BACKEND", "travaux")])
def test_checks_report_unusable_settings(name, value):
    with override_settings(**{f"MAILLAGE_FUNDING_{name}": value}):
        errors = check_settings(None)
    assert len(errors) == 1 and name in errors[0].msg and errors[0].hint
    assert check_settings(None) == []


@pytest.mark.parametrize("path", [
    "/admin/snippets/maillage_funding/fundingcall/?live=true&archived=false&permanent=false",
    "/admin/snippets/maillage_funding/fundingcall/?q=eau",
    "/admin/snippets/maillage_funding/funder/?kind=agency",
    "/admin/maillage_funding_sources/",
    "/admin/maillage_funding_sources/new/",
])
def test_the_officer_s_admin_screens_answer(client, admin_user, calls, search_engine, path):
    search_engine.index_all()
    client.force_login(admin_user)
    assert client.get(path).status_code == 200
