/// Chinese-specific helpers: which scalars are Han characters, and folding Traditional
/// characters to Simplified so both spellings match the same knowledge base (no external
/// service; a table of the characters that matter for questions like ours).
enum ChineseText {
    @inline(__always)
    static func isHan(_ value: UInt32) -> Bool {
        (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF) || (value >= 0xF900 && value <= 0xFAFF)
    }

    @inline(__always)
    static func simplified(_ value: UInt32) -> UInt32 {
        traditionalToSimplified[value] ?? value
    }

    /// Traditional → Simplified, for characters whose forms differ.
    static let traditionalToSimplified: [UInt32: UInt32] = {
        let pairs = "丟丢亂乱亞亚來来係系倆俩個个們们備备傳传債债價价億亿償偿優优儲储兌兑內内兩两凍冻別别刪删則则劃划劉刘動动務务勞劳勢势匯汇區区厲厉吳吴員员唄呗問问單单嗎吗嚴严國国圖图團团塊块壓压壞坏夠够學学實实寫写寶宝將将專专對对導导層层屬属師师帳账幣币幫帮幹干幾几廠厂廣广廳厅張张強强後后從从愛爱態态慶庆應应戰战戲戏戶户掃扫揚扬換换損损搶抢撥拨擁拥擇择擊击擋挡擔担據据擠挤擬拟擴扩擺摆擾扰攜携攢攒於于時时暱昵書书會会東东條条楊杨業业極极標标樣样機机檢检權权歐欧歡欢歲岁歷历歸归氣气決决沒没準准溫温滿满灣湾為为無无熱热燈灯爭争獨独現现瑪玛甚什產产當当發发盡尽確确碼码稅税稱称積积筆笔節节簡简簽签糾纠紀纪約约紅红級级紛纷細细終终組组結结絡络給给統统綁绑綠绿綫线維维網网緊紧線线練练織织繫系續续罰罚習习聯联腦脑臉脸臺台與与舊旧華华萬万藍蓝藥药處处虛虚號号衝冲裏里補补裡里見见規规親亲覺觉訂订計计訊讯記记設设註注評评試试話话該该認认語语誤误說说誰谁課课請请謝谢證证識识議议護护讀读變变讓让財财貨货貴贵買买貸贷費费貼贴貿贸資资賣卖賬账購购贈赠趙赵車车轉转辦办農农這这週周進进遊游過过選选還还邊边郵邮鄭郑醫医鈕钮銀银銷销錄录錢钱錯错錶表鎖锁鐘钟鐵铁鑑鉴長长門门閃闪閉闭開开間间閱阅關关陰阴陳陈陸陆陽阳際际隨随險险隻只雙双雞鸡離离難难雲云電电韓韩響响頁页項项須须領领頭头題题額额顧顾顯显風风飯饭餘余馬马驗验體体髮发魚鱼麗丽麥麦麵面麼么麽么黃黄點点齊齐齒齿齡龄龍龙"
        var table: [UInt32: UInt32] = [:]
        var iterator = pairs.unicodeScalars.makeIterator()
        while let traditional = iterator.next(), let simplified = iterator.next() {
            table[traditional.value] = simplified.value
        }
        return table
    }()
}
