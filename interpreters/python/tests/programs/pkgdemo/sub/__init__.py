from pkgdemo.sub import leaf
