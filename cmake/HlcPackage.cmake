# `cpack -G DEB` in the build folder (or ./scripts/package) builds homelab-control_<version>_<arch>.deb from the
# install rules: the binary (stripped), the .desktop file, the AppStream metainfo and the hicolor icons. The
# translations are embedded in the binary (:/i18n), so there is no translation file to install.
# Library dependencies come from dpkg-shlibdeps; the Qt plugins the app loads at run time (the xcb/offscreen
# platforms and the SVG icon engine) are not linked, so they are named here.
set(HLC_PROJECT_URL "https://github.com/homelab-control/homelab-control" CACHE STRING
    "Project home page: AppStream's homepage and screenshot URLs, the package's Homepage field")

set(CPACK_PACKAGE_NAME homelab-control)
set(CPACK_PACKAGE_VENDOR "Homelab Control Center developers")
set(CPACK_PACKAGE_CONTACT "Homelab Control Center developers <dev@homelab-control.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Native control center for a Proxmox homelab")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${HLC_PROJECT_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Native control center for a Proxmox homelab
 Live per-host panels from Proxmox VE, Portainer, Prometheus and Alertmanager,
 AdGuard Home, Home Assistant, Ollama and an agent platform; start and stop
 guests, stacks and containers safely (asked first, followed to the outcome,
 audited); alerts in the system tray; secrets in the system keychain.
 homelab-control --demo runs it on a built-in simulated homelab.")
include(CPack)
