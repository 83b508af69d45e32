"""The readable site map: the public page tree as nested lists.

One query for the whole tree (down to ``MAX_DEPTH`` levels under the home
page). Listings whose children are dated items (news, issues of La Lettre,
resources, a plugin's records) set ``site_map_children = False`` on their
page class: the map links to the listing, not to each of its hundreds of
items.
"""

from dataclasses import dataclass, field

from wagtail.models import Page, Site

MAX_DEPTH = 4


@dataclass
class Node:
    title: str
    url: str
    children: list = field(default_factory=list)


def page_tree(request, max_depth=MAX_DEPTH):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    pages = (
        Page.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .filter(depth__lte=root.depth + max_depth)
        .only("id", "path", "depth", "title", "url_path", "content_type_id")
        .order_by("path")
    )
    nodes, closed = {}, set()
    top = None
    for page in pages:
        parent_path = page.path[: -Page.steplen]
        if page.depth == root.depth:
            top = nodes[page.path] = Node(page.title, page.get_url(request) or "")
            continue
        parent = nodes.get(parent_path)
        if parent is None or parent_path in closed:
            continue  # under a hidden, private or item-listing page
        node = nodes[page.path] = Node(page.title, page.get_url(request) or "")
        parent.children.append(node)
        if getattr(page.specific_class, "site_map_children", True) is False:
            closed.add(page.path)
    return top
