"""Images shown larger than the file the browser chose, in a real browser.

Every image on the page, the lazy ones loaded first, against the srcset
candidate the browser took (or the file itself): a responsive image is
never stretched past its rendition, whatever the screen.
"""

SHOWN_LARGER = """async () => {
  const images = [...document.images];
  images.forEach(image => { image.loading = 'eager'; });
  await Promise.all(images.map(image => image.complete ? null : new Promise(done => {
    image.addEventListener('load', done); image.addEventListener('error', done);
  })));
  return images.filter(image => image.offsetWidth > 0).map(image => {
    let natural = image.naturalWidth;
    const holders = image.parentElement.tagName === 'PICTURE' ? [...image.parentElement.children] : [image];
    for (const holder of holders) {
      for (const candidate of (holder.srcset || '').split(',')) {
        const [url, descriptor] = candidate.trim().split(/\\s+/);
        if (url && descriptor && descriptor.endsWith('w') && image.currentSrc.endsWith(url)) natural = parseInt(descriptor);
      }
    }
    return [image.currentSrc, Math.round(image.getBoundingClientRect().width), natural];
  }).filter(([src, shown, natural]) => shown > natural + 1);
}"""


def images_shown_larger(page) -> list:
    """[address, width shown, width of the file] of each image shown wider than its file."""
    return page.evaluate(SHOWN_LARGER)
