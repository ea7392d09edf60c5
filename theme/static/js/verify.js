// placeholder: rebuilt by tools/verify-bundle/build.sh
