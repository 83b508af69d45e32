from wagtail import hooks

from maillage_core.hooks import DEMO_CONTENT

from . import demo


@hooks.register(DEMO_CONTENT, order=-100)
def site_demo():
    return demo.load
