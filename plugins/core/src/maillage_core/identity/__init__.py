"""The network's identity, chosen in the admin (Settings › Identity): its
logo, the icons browsers show for the site, two brand colours and,
optionally, its own font. Pages reach it through one stylesheet URL whose
address changes with the settings (theme.css?v=...), so a change shows at
once and the stylesheet itself can be kept by browsers for a year."""
