// Fanzha sample app (manual testing). Open this folder in Android Studio.
//
// The SDK comes from the bindings' Android library module
// (../bindings/android: generated Kotlin + libfanzha_ffi.so per ABI), built
// first with ../bindings/scripts/build-android.sh — see README.md. To use a
// prebuilt AAR instead, pass -Pfanzha.aar=/path/to/fanzha-release.aar.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "fanzha-sample"
include(":app")

if (!providers.gradleProperty("fanzha.aar").isPresent) {
    include(":fanzha")
    project(":fanzha").projectDir = file("../bindings/android")
}
