package vn.citizenqa.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PersonalDataMaskerTest {

    private final PersonalDataMasker masker = new PersonalDataMasker();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gọi tôi 0912345678 nhé            | gọi tôi [phone] nhé
            gọi tôi 0912 345 678 nhé          | gọi tôi [phone] nhé
            gọi tôi 0912.345.678 nhé          | gọi tôi [phone] nhé
            gọi tôi 091-234-5678 nhé          | gọi tôi [phone] nhé
            sđt: +84 912 345 678              | sđt: [phone]
            sđt:+84912345678                  | sđt:[phone]
            sđt 0084 912 345 678              | sđt [phone]
            bàn (028) 3829 7643 giờ hành chính | bàn [phone] giờ hành chính
            số máy bàn 024.3942.4251          | số máy bàn [phone]
            """)
    void phoneNumbersAreMaskedHoweverTheyAreWritten(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CMND 123456789 của tôi bị mất     | CMND [id-number] của tôi bị mất
            CCCD 001203004567 hết hạn         | CCCD [id-number] hết hạn
            CCCD 001 203 004 567 hết hạn      | CCCD [id-number] hết hạn
            CCCD số:079204001234.             | CCCD số:[id-number].
            """)
    void identityNumbersAreMasked(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            chuyển vào tk 19035678901234 Techcombank | chuyển vào tk [account-number] Techcombank
            STK 1903 5678 9012 34 nhé                | STK [account-number] nhé
            thẻ 4111 1111 1111 1111 bị trừ tiền      | thẻ [account-number] bị trừ tiền
            tài khoản 12345678                       | tài khoản [account-number]
            """)
    void bankAccountLikeNumbersAreMasked(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @Test
    void emailAddressesAreMasked() {
        assertEquals("gửi về [email] giúp em", masker.mask("gửi về nguyen.van-an+cccd@gmail.com.vn giúp em"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            xe biển 59-X1 123.45 bị phạt nguội
            biển số 51F-123.45 đỗ sai chỗ
            xe 30A-12345 vượt đèn đỏ
            lệ phí 1.500.000 đồng hay 150.000.000 đồng
            phạt từ 800.000 đến 1.000.000 đồng
            gọi 113 hoặc 114, 115
            năm 2024, ngày 15/10/2024 lúc 14:30
            mẫu CT01, thông tư 55/2021/TT-BCA
            """)
    void platesAmountsDatesAndHotlinesAreKept(String text) {
        assertEquals(text, masker.mask(text));
    }

    @Test
    void everythingPersonalInOneMessageIsMasked() {
        assertEquals("Tôi tên An, CCCD [id-number], đt [phone], mail [email], xe 59-X1 123.45 bị mất.",
                masker.mask("Tôi tên An, CCCD 079204001234, đt 0987 654 321, mail an@vnpt.vn, xe 59-X1 123.45 bị mất."));
        assertNull(masker.mask(null));
    }
}
