// Discovery and loading of the fixture plugins: each broken one is listed with its state and
// the exact error, the good one loads, in process and isolated alike.
#include "core/plugins/plugin_catalog.hpp"
#include "data/temp_folder.hpp"
#include "fixture_paths.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

using namespace patrol::plugins;
using patrol::testing::fixtureFolder;
using patrol::testing::fixtureLabel;
using patrol::testing::fixtureLibrary;

namespace {

// The error each fixture fails with when loaded (the same in process and isolated).
std::map<std::string, std::string> expectedLoadErrors() {
    return {
        {"fixture_abi_major", fixtureLabel("fixture_abi_major") +
                                  "无法加载：它按插件 ABI 2.0 构建，本程序提供 ABI 1.3，主版本必须相同。请用本程序的 SDK（ABI 1.x）重新构建该插件，或换用与插件匹配的 patrol 版本。"},
        {"fixture_abi_minor", fixtureLabel("fixture_abi_minor") +
                                  "无法加载：它需要插件 ABI 1.4，本程序只提供 ABI 1.3（次版本不能高于本程序）。请升级 patrol 到提供 ABI 1.4 或更新的版本，或用 ABI 1.3 的 SDK 重新构建该插件。"},
        {"fixture_bad_metadata",
         fixtureLabel("fixture_bad_metadata") +
             "无法加载：元数据 fixture_bad_metadata.json 无效：tables[0].columns[0].type 应为 string、date、time、money、integer、enum 之一，实际为 \"float\"。"
             "请按 SDK 说明（sdk/README.md）中的元数据格式改正后重新安装。"},
        {"fixture_no_entry", fixtureLabel("fixture_no_entry") +
                                 "无法加载：库中没有入口函数 patrol_plugin_entry。请在插件源码中写一行 PATROL_PLUGIN(类名, \"fixture_no_entry\") 并重新构建。"},
        {"fixture_struct_abi", fixtureLabel("fixture_struct_abi") +
                                   "无法加载：它按插件 ABI 2.0 构建，本程序提供 ABI 1.3，主版本必须相同。请用本程序的 SDK（ABI 1.x）重新构建该插件，或换用与插件匹配的 patrol 版本。"},
    };
}

void checkStates(PluginCatalog& catalog, PluginState usable) {
    const auto errors = expectedLoadErrors();
    std::vector<std::string> ids;
    for (const auto& p : catalog.plugins()) {
        ids.push_back(p.id);
        INFO(p.id);
        const auto it = errors.find(p.id);
        if (it != errors.end()) {
            CHECK(p.state == PluginState::Failed);
            CHECK(stateLabel(p.state) == "出错");
            CHECK(p.error == it->second);
        } else {
            CHECK(p.state == usable);
            CHECK(p.error.empty());
        }
    }
    // Sorted by file name; every .so is listed, good or broken.
    CHECK(ids == std::vector<std::string>{"fixture_abi_major", "fixture_abi_minor", "fixture_aborts", "fixture_bad_metadata", "fixture_crashes",
                                          "fixture_good", "fixture_hangs", "fixture_many_rules", "fixture_no_entry", "fixture_oversized_finding", "fixture_struct_abi", "fixture_throws",
                                          "fixture_undeclared_rule", "fixture_undeclared_table"});
}

}  // namespace

TEST_CASE("discovery reads metadata and checks the ABI before any plugin code runs") {
    PluginCatalog catalog = PluginCatalog::discover({fixtureFolder()});
    // Refused from metadata alone: ABI, malformed metadata.
    const auto errors = expectedLoadErrors();
    for (const auto* id : {"fixture_abi_major", "fixture_abi_minor", "fixture_bad_metadata"}) {
        INFO(id);
        const PluginEntry* p = catalog.find(id);
        REQUIRE(p);
        CHECK(p->state == PluginState::Failed);
        CHECK(p->error == errors.at(id));
        CHECK_FALSE(p->loaded);
    }
    const PluginEntry* good = catalog.find("fixture_good");
    REQUIRE(good);
    CHECK(good->state == PluginState::Discovered);
    CHECK(stateLabel(good->state) == "已发现");
    CHECK(good->metadata->version == "1.2.3");
}

TEST_CASE("loading in process gives each fixture its state and exact error") {
    PluginCatalog catalog = PluginCatalog::discover({fixtureFolder()});
    catalog.loadAll(false);
    checkStates(catalog, PluginState::Loaded);
    CHECK(catalog.find("fixture_good")->loaded);
    CHECK(stateLabel(catalog.find("fixture_good")->state) == "已加载");
}

TEST_CASE("loading isolated gives the same states and errors without loading into the host") {
    PluginCatalog catalog = PluginCatalog::discover({fixtureFolder()});
    catalog.loadAll(true);
    checkStates(catalog, PluginState::Loaded);
    CHECK_FALSE(catalog.find("fixture_good")->loaded);
}

TEST_CASE("only .so files count, a plugin without metadata or with a mismatched id is listed with its error") {
    patrol::testing::TempFolder folder;
    const auto good = folder.path() / "renamed.so";
    std::filesystem::copy_file(fixtureLibrary("fixture_good"), good);
    std::filesystem::copy_file(fixtureFolder() + "/fixture_good.json", folder.path() / "renamed.json");
    std::filesystem::copy_file(fixtureLibrary("fixture_good"), folder.path() / "lonely.so");
    folder.write("notes.txt", "not a plugin");
    folder.write("other.so.json", "{}");
    PluginCatalog catalog = PluginCatalog::discover({folder.path(), "/nonexistent/folder"});
    REQUIRE(catalog.plugins().size() == 2);
    const PluginEntry& lonely = catalog.plugins()[0];
    CHECK(lonely.id == "lonely");
    CHECK(lonely.error == "插件 lonely（" + (folder.path() / "lonely.so").string() + "）无法加载：缺少元数据文件 " + (folder.path() / "lonely.json").string() +
                              "（应与 lonely.so 放在同一目录）。请把构建生成的 lonely.json 一起安装。");
    const PluginEntry& renamed = catalog.plugins()[1];
    CHECK(renamed.error == "插件 renamed（" + good.string() + "）无法加载：元数据中的 id 为 \"fixture_good\"，应与文件名一致（\"renamed\"）。请把文件改名为 fixture_good.so 或改正元数据。");
}

TEST_CASE("the same id in a later folder is listed as unused") {
    patrol::testing::TempFolder folder;
    std::filesystem::copy_file(fixtureLibrary("fixture_good"), folder.path() / "fixture_good.so");
    std::filesystem::copy_file(fixtureFolder() + "/fixture_good.json", folder.path() / "fixture_good.json");
    PluginCatalog catalog = PluginCatalog::discover({folder.path(), fixtureFolder()});
    std::vector<const PluginEntry*> goods;
    for (const auto& p : catalog.plugins())
        if (p.id == "fixture_good") goods.push_back(&p);
    REQUIRE(goods.size() == 2);
    CHECK(goods[0]->state == PluginState::Discovered);
    CHECK(goods[1]->error == fixtureLabel("fixture_good") + "未使用：同名插件已从 " + (folder.path() / "fixture_good.so").string() + " 载入。请删除其中一个。");
    CHECK(catalog.find("fixture_good") == goods[0]);
}

TEST_CASE("a file the loader cannot open fails with the loader's own words, in process and isolated") {
    patrol::testing::TempFolder folder;
    const auto library = folder.path() / "fixture_good.so";
    folder.write("fixture_good.so", std::string(1024, 'x'));  // long enough to have a header, not an ELF one
    std::filesystem::copy_file(fixtureFolder() + "/fixture_good.json", folder.path() / "fixture_good.json");
    for (const bool isolate : {false, true}) {
        INFO((isolate ? "isolated" : "in process"));
        PluginCatalog catalog = PluginCatalog::discover({folder.path()});
        catalog.loadAll(isolate);
        const PluginEntry* p = catalog.find("fixture_good");
        REQUIRE(p);
        CHECK(p->state == PluginState::Failed);
        CHECK(p->error == "插件 fixture_good（" + library.string() + "）无法加载：动态库打开失败（" + library.string() +
                              ": invalid ELF header）。请确认它是为本机构建的插件，且依赖的库都已安装。");
    }
}
