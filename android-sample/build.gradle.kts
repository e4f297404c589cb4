// Plugin versions are declared once here. They match the bindings' AAR
// module (../bindings/android/build.gradle.kts), which is included as the
// :fanzha subproject and requests the same versions.
plugins {
    alias(libs.plugins.android.application) apply false
    alias(libs.plugins.android.library) apply false
    alias(libs.plugins.kotlin.android) apply false
    alias(libs.plugins.compose.compiler) apply false
}
