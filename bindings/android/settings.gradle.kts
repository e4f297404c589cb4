// Standalone Gradle build of the Fanzha AAR (bindings/scripts/build-android.sh
// fills src/main/jniLibs and src/main/kotlin first). An app can also include
// this directory as a module: include(":fanzha"); project(":fanzha").projectDir = file(".../bindings/android")
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "fanzha"
